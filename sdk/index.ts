export { PrivateEndpoint, PrivateEndpointArgs, vpcIpv4CidrBlocks } from "./privateEndpoint";
export * from "./aws";
export * as validation from "./validation";
export { RequiredPermission, iamPolicyDocument, requiredPermissions } from "./permissions";
