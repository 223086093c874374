from synthkoping.cli import main

raise SystemExit(main())
