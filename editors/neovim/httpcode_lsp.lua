-- httpcode-lsp for Neovim 0.7 and later, without plugins.
--
--   require('httpcode_lsp').setup({ cmd = { 'httpcode-lsp' } })
--
-- starts one httpcode-lsp client and attaches every Go, YAML and JSON
-- buffer to it. On Neovim 0.11+ `vim.lsp.config`/`vim.lsp.enable` (see the
-- README) does the same in three lines.
local M = {}

M.filetypes = { go = true, yaml = true, json = true }

function M.setup(opts)
  opts = opts or {}
  local client_id
  local function ensure_client()
    if client_id and vim.lsp.get_client_by_id(client_id) then
      return client_id
    end
    client_id = vim.lsp.start_client({
      name = 'httpcode-lsp',
      cmd = opts.cmd or { 'httpcode-lsp' },
      root_dir = opts.root_dir or vim.fn.getcwd(),
      init_options = opts.init_options,
      settings = opts.settings,
      on_attach = opts.on_attach,
    })
    return client_id
  end
  local function attach(bufnr)
    if M.filetypes[vim.bo[bufnr].filetype] then
      local id = ensure_client()
      if id then
        vim.lsp.buf_attach_client(bufnr, id)
      end
    end
  end
  vim.api.nvim_create_autocmd('FileType', {
    pattern = vim.tbl_keys(M.filetypes),
    callback = function(args) attach(args.buf) end,
  })
  return ensure_client
end

return M
