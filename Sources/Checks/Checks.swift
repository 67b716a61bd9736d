// The Checks module: see README.md, Architecture.
