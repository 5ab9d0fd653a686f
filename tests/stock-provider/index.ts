// The stock, auto-discovered component provider for the same components: Pulumi's Node.js host finds the
// exported ComponentResources and infers the schema by analysing these TypeScript sources at the first request.
// The real provider (../index.ts) does not run this way; this entry exists to infer the committed schema from
// sdk/ (`npm run schema`, and the drift test) and as the baseline of `npm run bench:provider`.
export { InterfaceEndpoint } from "../../sdk/interfaceEndpoint";
export { PrivateEndpoint } from "../../sdk/privateEndpoint";
