"""Pure rules of the box office: no Qt, no database."""
