"""Start the Reader desktop app: ``python main.py [FILE]`` (the bundled sample when no FILE)."""

import sys

from reader.app import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
