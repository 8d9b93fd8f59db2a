"""Editing panels: the builder, the sequence editor, the player, the explanation panel."""
