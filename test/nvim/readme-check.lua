-- Runs after the README's Neovim snippet (loaded as init.lua) and the report given on the command
-- line: waits for Brug's diagnostics there, opens a second report, waits for its diagnostics too,
-- and counts the Brug clients (one serves both). Writes what it saw to $OUT; :cq on failure.
local out = {}
local function say(s) table.insert(out, s) end
local function brug_diagnostics(buf)
  local list = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    if d.source == 'brug' then table.insert(list, d) end
  end
  return list
end
local function brug_clients()
  local all = (vim.lsp.get_clients or vim.lsp.get_active_clients)()
  return vim.tbl_filter(function(c) return c.name == 'brug' end, all)
end

local ok, err = pcall(function()
  local v = vim.version()
  say(string.format('nvim %d.%d.%d', v.major, v.minor, v.patch))
  say('filetype: ' .. vim.bo.filetype)
  local first = vim.api.nvim_get_current_buf()
  assert(vim.wait(20000, function() return #brug_diagnostics(first) > 0 end, 50), 'no diagnostics from Brug in the first report')
  for _, d in ipairs(brug_diagnostics(first)) do say(string.format('first: %s line %d', d.code, d.lnum + 1)) end
  vim.cmd('edit ' .. vim.fn.fnameescape(os.getenv('SECOND')))
  local second = vim.api.nvim_get_current_buf()
  say('second filetype: ' .. vim.bo.filetype)
  assert(vim.wait(20000, function() return #brug_diagnostics(second) > 0 end, 50), 'no diagnostics from Brug in the second report')
  for _, d in ipairs(brug_diagnostics(second)) do say(string.format('second: %s line %d', d.code, d.lnum + 1)) end
  say('brug clients: ' .. #brug_clients())
  for _, c in ipairs(brug_clients()) do vim.lsp.stop_client(c.id) end
end)
if not ok then say('ERROR: ' .. tostring(err)) end
say(ok and 'RESULT: PASS' or 'RESULT: FAIL')
local f = io.open(os.getenv('OUT'), 'w')
f:write(table.concat(out, '\n') .. '\n')
f:close()
vim.cmd(ok and 'qa!' or 'cq!')
