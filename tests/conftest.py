import os

# Every test runs headless; Qt picks this up at its first import.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
