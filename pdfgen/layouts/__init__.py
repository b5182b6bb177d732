"""Page layouts: one module per layout, each with `render(plan, paper, ctx) -> bytes`."""
