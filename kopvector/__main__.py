from kopvector.interfaces.cli import app

app()
