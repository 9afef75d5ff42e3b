"""`kg build`, `kg validate`, `kg explain`, `kg evaluate`: the loader's commands."""
