from cecli.entry import main

main()
