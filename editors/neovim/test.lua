-- Headless end-to-end test of httpcode-lsp with the real Neovim client:
--   HTTPCODE_LSP=/path/to/httpcode-lsp FIXTURES=dir \
--     nvim --headless --clean -u NONE -c 'luafile test.lua'
-- exits 0 when every check passes, 1 (with the failures on stderr) if not.
local here = vim.fn.fnamemodify(debug.getinfo(1, 'S').source:sub(2), ':p:h')
package.path = here .. '/?.lua;' .. package.path

local failures = {}
local function fail(msg) table.insert(failures, msg) end
local function finish()
  if #failures > 0 then
    io.stderr:write('FAIL\n' .. table.concat(failures, '\n') .. '\n')
    vim.cmd('cquit 1')
  end
  io.stderr:write('ok\n')
  vim.cmd('qall!')
end

-- The test runs in a coroutine: keys fed to Neovim (<C-x><C-o>, K) are
-- typed only while the script waits, in sleep, for the main loop.
local co
local function step()
  local ok, err = coroutine.resume(co)
  if not ok then fail(tostring(err)) end
  if not ok or coroutine.status(co) == 'dead' then finish() end
end
local function sleep(ms)
  vim.defer_fn(step, ms)
  coroutine.yield()
end
-- settle waits up to ms for cond, in steps that let keys be typed.
local function settle(cond, ms)
  local deadline = vim.loop.now() + ms
  while not cond() and vim.loop.now() < deadline do sleep(20) end
  return cond()
end
local function keys(k)
  vim.api.nvim_feedkeys(vim.api.nvim_replace_termcodes(k, true, false, true), 't', false)
end

co = coroutine.create(function()
  local binary = assert(os.getenv('HTTPCODE_LSP'), 'HTTPCODE_LSP is not set')
  local fixtures = assert(os.getenv('FIXTURES'), 'FIXTURES is not set')
  vim.cmd('filetype on')
  require('httpcode_lsp').setup({ cmd = { binary, '--stdio' } })

  -- Find a marker's 0-based (line, UTF-16 character) position in a buffer.
  local function find(bufnr, needle)
    for i, line in ipairs(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)) do
      local col = line:find(needle, 1, true)
      if col then
        local _, utf16 = vim.str_utfindex(line, col - 1)
        return { line = i - 1, character = utf16 }
      end
    end
    error('no ' .. needle .. ' in buffer')
  end

  local function open(name)
    vim.cmd('edit ' .. fixtures .. '/' .. name)
    local bufnr = vim.api.nvim_get_current_buf()
    local attached = vim.wait(10000, function()
      return #vim.lsp.buf_get_clients(bufnr) > 0
    end, 20)
    if not attached then error('no client attached to ' .. name) end
    return bufnr
  end

  local function request(bufnr, method, pos)
    local params = { textDocument = vim.lsp.util.make_text_document_params(bufnr), position = pos }
    local results, e = vim.lsp.buf_request_sync(bufnr, method, params, 10000)
    if not results then error(method .. ': ' .. tostring(e)) end
    for _, r in pairs(results) do
      if r.err then error(method .. ': ' .. vim.inspect(r.err)) end
      return r.result
    end
  end

  -- Go: hover on a literal and on a constant, completion of codes.
  local go = open('handler.go')
  local hover = request(go, 'textDocument/hover', find(go, '404'))
  if not (hover and hover.contents.value:find('404 Not Found', 1, true)) then
    fail('Go hover on 404: ' .. vim.inspect(hover))
  end
  hover = request(go, 'textDocument/hover', find(go, 'StatusTeapot'))
  if not (hover and hover.contents.value:find('418', 1, true)) then
    fail('Go hover on http.StatusTeapot: ' .. vim.inspect(hover))
  end
  local pos = find(go, 'WriteHeader()')
  pos.character = pos.character + #'WriteHeader('
  local list = request(go, 'textDocument/completion', pos)
  local labels = {}
  for _, item in ipairs((list and list.items) or {}) do labels[item.label] = item end
  local created = labels['201 Created']
  if not (created and created.textEdit and created.textEdit.newText == 'http.StatusCreated') then
    fail('Go completion at WriteHeader(: ' .. vim.inspect(created))
  end

  -- The set-up's on_attach: 'omnifunc' is the LSP one, and K in normal
  -- mode opens the hover in a floating window.
  if vim.bo[go].omnifunc ~= 'v:lua.vim.lsp.omnifunc' then
    fail("omnifunc in handler.go: '" .. vim.bo[go].omnifunc .. "'")
  end
  local function floating_text()
    for _, win in ipairs(vim.api.nvim_list_wins()) do
      if vim.api.nvim_win_get_config(win).relative ~= '' then
        local buf = vim.api.nvim_win_get_buf(win)
        return table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, false), '\n')
      end
    end
  end
  local at = find(go, '404')
  vim.api.nvim_win_set_cursor(0, { at.line + 1, #'\t/* é😀 */ w.WriteHeader(' })
  keys('K')
  if not settle(function() return floating_text() ~= nil end, 10000) then
    fail('K on 404 opened no floating window; K is mapped to: ' .. vim.inspect(vim.fn.maparg('K', 'n', false, true)))
  elseif not floating_text():find('404 Not Found', 1, true) then
    fail('K on 404 shows: ' .. floating_text())
  end
  for _, win in ipairs(vim.api.nvim_list_wins()) do
    if vim.api.nvim_win_get_config(win).relative ~= '' then vim.api.nvim_win_close(win, true) end
  end

  -- OpenAPI YAML: hover on a response key names the operation; completion
  -- in a responses map offers the codes not yet there.
  local spec = open('openapi.yaml')
  hover = request(spec, 'textDocument/hover', find(spec, "'404'"))
  if not (hover and hover.contents.value:find('404 Not Found', 1, true)
      and hover.contents.value:find('DELETE /items/{id}', 1, true)) then
    fail('YAML hover on 404: ' .. vim.inspect(hover))
  end
  local last = vim.api.nvim_buf_line_count(spec) - 1
  vim.api.nvim_buf_set_lines(spec, last, last + 1, false, { '        ' })
  list = request(spec, 'textDocument/completion', { line = last, character = 8 })
  labels = {}
  for _, item in ipairs((list and list.items) or {}) do labels[item.label] = item end
  if not labels['201 Created'] or labels['400 Bad Request'] then
    fail('YAML completion in POST responses: ' .. vim.inspect(vim.tbl_keys(labels)))
  end

  -- <C-x><C-o> after a typed quote completes the response key in
  -- place: one line, the quote typed not doubled (Neovim 0.7 has no
  -- snippets, and its omnifunc inserts the item's text after the quote).
  if vim.bo[spec].omnifunc ~= 'v:lua.vim.lsp.omnifunc' then
    fail("omnifunc in openapi.yaml: '" .. vim.bo[spec].omnifunc .. "'")
  end
  vim.api.nvim_buf_set_lines(spec, last, last + 1, false, { '        ' })
  vim.api.nvim_win_set_cursor(0, { last + 1, 0 })
  keys("A'<C-x><C-o>")
  if not settle(function() return vim.fn.pumvisible() == 1 end, 10000) then
    fail('<C-x><C-o> in POST responses showed no menu')
  end
  keys('<C-y><Esc>')
  settle(function() return vim.fn.mode() == 'n' end, 10000)
  local got = vim.api.nvim_buf_get_lines(spec, last, -1, false)
  if #got ~= 1 or got[1] ~= "        '201':" then
    fail('<C-x><C-o> after a quote in POST responses gave: ' .. vim.inspect(got))
  end

  -- A syntax error and the rules' findings reach vim.diagnostic, with the
  -- rule ID as the code.
  local broken = open('broken.yaml')
  local function codes(bufnr)
    local out = {}
    for _, d in ipairs(vim.diagnostic.get(bufnr)) do
      local lsp = d.user_data and d.user_data.lsp or {}
      out[lsp.code or '?'] = d
    end
    return out
  end
  vim.wait(10000, function() return codes(broken)['syntax-error'] ~= nil end, 20)
  local syntax = codes(broken)['syntax-error']
  if not syntax or syntax.severity ~= vim.diagnostic.severity.ERROR or syntax.lnum ~= 7 then
    fail('syntax error in broken.yaml: ' .. vim.inspect(vim.diagnostic.get(broken)))
  end
  vim.wait(10000, function() return codes(go)['use-status-constant'] ~= nil end, 20)
  local literal = codes(go)['use-status-constant']
  if not literal or literal.lnum ~= 6 then
    fail('use-status-constant in handler.go: ' .. vim.inspect(vim.diagnostic.get(go)))
  end
end)
step()
