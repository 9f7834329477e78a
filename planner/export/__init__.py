"""PDF maps and indexes, drawn from the model with reportlab. No Qt."""
