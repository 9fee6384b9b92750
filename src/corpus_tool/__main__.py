"""``python -m corpus_tool`` runs the command line."""

import os
import sys

# ``python -m`` puts the current directory first on sys.path; a file there named
# like a plugin module would then be imported instead of the plugin. Plugins load
# from the current directory only when asked (--plugins-dir .).
if sys.path and sys.path[0] in ("", os.getcwd()):
    del sys.path[0]

from corpus_tool.cli import main  # after the sys.path fix above

main()
