from cecli.cli import main

main()
