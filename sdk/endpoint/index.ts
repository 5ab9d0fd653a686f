// The App Runner interface endpoint and its security group: one implementation, used by InterfaceEndpoint (a shared
// endpoint owned by no service) and by PrivateEndpoint when it is given `subnetIds`. The checks, the messages and
// the resources are the same for both; only their names and parents differ.
export * from "./args";
export * from "./lookups";
export * from "./adoption";
export * from "./checks";
export * from "./resources";
export * from "./refusals";
