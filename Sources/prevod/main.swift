import PrevodCommands

Prevod.main()
