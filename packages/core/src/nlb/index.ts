// Filled in by the nlb model; re-exported from the package root.
export {};
