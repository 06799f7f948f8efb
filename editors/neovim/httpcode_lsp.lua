-- httpcode-lsp for Neovim 0.7 and later, without plugins.
--
--   require('httpcode_lsp').setup({ cmd = { 'httpcode-lsp' } })
--
-- starts one httpcode-lsp client and attaches every Go, YAML and JSON
-- buffer to it. On attach it sets the buffer's 'omnifunc' to
-- vim.lsp.omnifunc, so <C-x><C-o> completes, and runs opts.on_attach, by
-- default M.on_attach: the keymaps nvim-lspconfig's README suggests (K
-- hover, <space>ca code action, [d ]d, ...). On Neovim 0.11+
-- `vim.lsp.config`/`vim.lsp.enable` (see the README) starts the server
-- in three lines.
local M = {}

M.filetypes = { go = true, yaml = true, json = true }

-- on_attach maps, in the buffer, the keys nvim-lspconfig's README maps
-- (vim.keymap.set, Neovim 0.7). httpcode-lsp answers hover, completion
-- and code actions; gd, gD and gr are answered by the buffer's other
-- servers (gopls in a Go file).
function M.on_attach(_, bufnr)
  local function map(lhs, rhs, desc)
    vim.keymap.set('n', lhs, rhs, { noremap = true, silent = true, buffer = bufnr, desc = desc })
  end
  map('K', vim.lsp.buf.hover, 'hover')
  map('gd', vim.lsp.buf.definition, 'go to definition')
  map('gD', vim.lsp.buf.declaration, 'go to declaration')
  map('gr', vim.lsp.buf.references, 'references')
  map('<space>ca', vim.lsp.buf.code_action, 'code action')
  map('<space>e', vim.diagnostic.open_float, 'show the line\'s diagnostics')
  map('[d', vim.diagnostic.goto_prev, 'previous diagnostic')
  map(']d', vim.diagnostic.goto_next, 'next diagnostic')
  map('<space>q', vim.diagnostic.setloclist, 'diagnostics to the location list')
end

function M.setup(opts)
  opts = opts or {}
  local on_attach = opts.on_attach or M.on_attach
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
      on_attach = function(client, bufnr)
        vim.api.nvim_buf_set_option(bufnr, 'omnifunc', 'v:lua.vim.lsp.omnifunc')
        on_attach(client, bufnr)
      end,
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
