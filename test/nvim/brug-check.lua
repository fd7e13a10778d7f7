-- Headless Neovim (0.7+) as an LSP client of Brug: attaches to the buffer, waits for Brug's
-- diagnostics, applies a quick fix and a "disable on this line" action, and checks that the
-- findings go away. Writes what it saw to $OUT; exits with :cq on any failure.
local out = {}
local function say(s) table.insert(out, s) end
local function finish(ok)
  say(ok and 'RESULT: PASS' or 'RESULT: FAIL')
  local f = io.open(os.getenv('OUT'), 'w')
  f:write(table.concat(out, '\n') .. '\n')
  f:close()
  if ok then vim.cmd('qa!') else vim.cmd('cq!') end
end

local ok, err = pcall(function()
  say('nvim ' .. tostring(vim.version().major) .. '.' .. tostring(vim.version().minor) .. '.' .. tostring(vim.version().patch))
  vim.bo.filetype = 'markdown'
  local id = vim.lsp.start_client({
    name = 'brug',
    cmd = { os.getenv('NODE') or 'node', os.getenv('LSP_SERVER'), '--stdio' },
    root_dir = os.getenv('ROOT_DIR'),
    settings = { brug = { debounceMs = 0 } },
  })
  assert(id, 'start_client failed')
  vim.lsp.buf_attach_client(0, id)
  local client = vim.lsp.get_client_by_id(id)

  local function brug_diagnostics()
    local list = {}
    for _, d in ipairs(vim.diagnostic.get(0)) do
      if d.source == 'brug' then table.insert(list, d) end
    end
    return list
  end
  local function find(code)
    for _, d in ipairs(brug_diagnostics()) do
      if d.code == code then return d end
    end
  end

  local started = vim.loop.hrtime()
  assert(vim.wait(15000, function() return find('vocabulary/jargon') ~= nil end, 20), 'no jargon diagnostic from Brug')
  say(string.format('diagnostics after %d ms', math.floor((vim.loop.hrtime() - started) / 1e6)))
  for _, d in ipairs(brug_diagnostics()) do
    say(string.format('  %s lnum=%d col=%d end_col=%d severity=%d', d.code, d.lnum, d.col, d.end_col, d.severity))
  end

  -- The diagnostic as the server sent it, for the code action context.
  local function lsp_diagnostic(d)
    return {
      range = { start = { line = d.lnum, character = d.col }, ['end'] = { line = d.end_lnum, character = d.end_col } },
      severity = d.severity, message = d.message, source = d.source, code = d.code,
      data = d.user_data and d.user_data.lsp and d.user_data.lsp.data or nil,
    }
  end
  local function actions_for(d)
    local ld = lsp_diagnostic(d)
    local r = client.request_sync('textDocument/codeAction', {
      textDocument = vim.lsp.util.make_text_document_params(0),
      range = ld.range,
      context = { diagnostics = { ld } },
    }, 5000, 0)
    assert(r and not r.err, 'codeAction failed: ' .. vim.inspect(r))
    return r.result or {}
  end
  local function pick(actions, title)
    for _, a in ipairs(actions) do
      if a.title == title then return a end
    end
    error('no action "' .. title .. '" among ' .. vim.inspect(vim.tbl_map(function(a) return a.title end, actions)))
  end

  -- 1. The engine's quick fix.
  local jargon = find('vocabulary/jargon')
  local fix = pick(actions_for(jargon), 'Replace "make a decision" → "decide"')
  say('code action: ' .. fix.title .. (fix.isPreferred and ' (preferred)' or ''))
  vim.lsp.util.apply_workspace_edit(fix.edit, client.offset_encoding)
  say('line after fix: ' .. vim.api.nvim_buf_get_lines(0, jargon.lnum, jargon.lnum + 1, false)[1])
  assert(vim.wait(10000, function() return find('vocabulary/jargon') == nil end, 20), 'jargon diagnostic still there after the fix')
  say('jargon cleared after fix')

  -- 2. Disable a rule on one line.
  assert(vim.wait(10000, function() return find('readability/long-sentence') ~= nil end, 20), 'no long-sentence diagnostic')
  local long = find('readability/long-sentence')
  local disable = pick(actions_for(long), 'Disable readability/long-sentence on this line')
  vim.lsp.util.apply_workspace_edit(disable.edit, client.offset_encoding)
  say('line above the sentence: ' .. vim.api.nvim_buf_get_lines(0, long.lnum, long.lnum + 1, false)[1])
  assert(vim.wait(10000, function() return find('readability/long-sentence') == nil end, 20), 'long sentence still flagged')
  say('long sentence cleared after disable')
  assert(find('readability/passive-voice') ~= nil, 'the other findings stay')

  vim.lsp.stop_client(id)
end)
if not ok then say('ERROR: ' .. tostring(err)) end
finish(ok)
