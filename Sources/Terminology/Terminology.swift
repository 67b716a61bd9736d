// The Terminology module: see README.md, Architecture.
