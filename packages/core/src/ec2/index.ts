// Filled in by the ec2 model; re-exported from the package root.
export {};
