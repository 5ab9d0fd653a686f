// The package's public API: the two components, their arguments and the permissions they need. AWS facts are at the
// `@apprunner-private/apprunner-private/aws` subpath (facts.ts); nothing else is exported. The API reports in sdk/api/
// (made by @microsoft/api-extractor) list it, and `npm test` fails when it changes without them.
export { IpAddressType } from "./aws";
export { EndpointArgs } from "./endpoint";
export { InterfaceEndpoint, InterfaceEndpointArgs } from "./interfaceEndpoint";
export { PrivateEndpoint, PrivateEndpointArgs } from "./privateEndpoint";
export { RequiredPermission, iamPolicyDocument, requiredPermissions } from "./permissions";
