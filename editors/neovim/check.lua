-- What tests/editors.rs asks of a headless Neovim set up as docs/editors.md says: run after
-- the document is opened (`nvim --headless report.jues -c 'luafile check.lua'`), it waits
-- for the diagnostics of `jues lsp`, then writes what the buffer has to the file named by
-- $JUES_NVIM_RESULT, as JSON, and quits.
local buf = vim.api.nvim_get_current_buf()
local result = { filetype = vim.bo[buf].filetype }

local ok, highlighter = pcall(function()
  return vim.treesitter.highlighter.active[buf] ~= nil
end)
result.highlighter = ok and highlighter

-- The captures of the grammar's highlights at each position asked for (0-based line, byte
-- column), as "line:column" = { "keyword", ... }.
result.captures = {}
pcall(function()
  vim.treesitter.get_parser(buf, "jues"):parse()
end)
result.query = pcall(vim.treesitter.query.get, "jues", "highlights")
for _, at in ipairs(vim.split(os.getenv("JUES_NVIM_CAPTURES") or "", ",", { trimempty = true })) do
  local line, column = at:match("^(%d+):(%d+)$")
  local found = {}
  local got, captures = pcall(vim.treesitter.get_captures_at_pos, buf, tonumber(line), tonumber(column))
  if got then
    for _, capture in ipairs(captures) do
      table.insert(found, capture.capture)
    end
  end
  result.captures[at] = found
end

vim.wait(30000, function()
  return #vim.diagnostic.get(buf) > 0
end, 50)
result.clients = vim.tbl_map(function(client)
  return client.name
end, vim.lsp.get_clients({ bufnr = buf }))
result.diagnostics = vim.tbl_map(function(d)
  return { code = d.code, line = d.lnum, source = d.source, message = d.message }
end, vim.diagnostic.get(buf))

vim.fn.writefile({ vim.json.encode(result) }, os.getenv("JUES_NVIM_RESULT"))
vim.cmd("qall!")
