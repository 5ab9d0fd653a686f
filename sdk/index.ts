export { EndpointArgs } from "./endpoint";
export { InterfaceEndpoint, InterfaceEndpointArgs } from "./interfaceEndpoint";
export { PrivateEndpoint, PrivateEndpointArgs, vpcCidrBlocks } from "./privateEndpoint";
export * from "./aws";
export * as validation from "./validation";
export { RequiredPermission, iamPolicyDocument, requiredPermissions } from "./permissions";
