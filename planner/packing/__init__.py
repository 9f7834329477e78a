"""Auto-pack: geometry in, booth rectangles and numbers out; capacity figures. No Qt."""
