"""Files: .boothplan (SQLite), GeoJSON floors, exhibitor CSV, DXF.

The only package that knows SQLite.
"""
