// The Alignment module: see README.md, Architecture.
