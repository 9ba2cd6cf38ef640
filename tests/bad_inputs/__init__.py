"""Bad input, one case per test: every defect gives a message that names the file, the line or
JSON pointer, the document and what was expected, and the command line prints it without a
traceback. The fixture files are in ``fixtures/``; see its README."""
