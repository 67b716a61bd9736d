// The Interchange module: see README.md, Architecture.
