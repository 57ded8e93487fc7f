"""Each state's own rules: one module per state whose rules no other state shares (a plug-in is
a file here; `cecli.rules` imports every module in this package)."""
