from kopvector.interfaces.cli import main

main()
