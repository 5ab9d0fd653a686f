import { TYPES, label, linked, ofType, perConnection, prop } from "../resources";
import { Finding, StackRule, isUnknown } from "../types";

/** A service behind a VPC ingress connection must not also be public. */
export const serviceNotPublic: StackRule = {
    id: "apprunner-service-not-public",
    description: "An App Runner service with a VPC ingress connection sets isPubliclyAccessible to false.",
    explanation:
        "A VPC ingress connection adds a private way in; it does not remove the public one. Unless the service sets " +
        "networkConfiguration.ingressConfiguration.isPubliclyAccessible to false (the default is true), it stays " +
        "reachable from the internet. AWS CDK documents this and never checks it (ServiceProps.isPubliclyAccessible).",
    enforcementLevel: "mandatory",
    scope: "stack",
    check(resources) {
        const services = ofType(resources, TYPES.service);
        return perConnection(resources, (connection): Finding[] => {
            const service = linked(connection, ["serviceArn"], services, "arn");
            if (isUnknown(service)) {
                return [{ outcome: "could-not-check", urn: connection.urn, message: `could not tell which service ${label(connection)} connects: its serviceArn is not known yet.` }];
            }
            if (service === undefined) {
                return [{ outcome: "could-not-check", urn: connection.urn, message: `${label(connection)} connects a service outside this stack (${String(prop(connection, "serviceArn"))}); check that stack.` }];
            }
            const isPublic = prop(service, "networkConfiguration", "ingressConfiguration", "isPubliclyAccessible");
            if (isUnknown(isPublic)) {
                return [{ outcome: "could-not-check", urn: service.urn, message: `${label(service)}'s isPubliclyAccessible is not known yet.` }];
            }
            if (isPublic === false) return [];
            return [
                {
                    outcome: "non-compliant",
                    urn: service.urn,
                    message:
                        `${label(service)} is connected privately by ${label(connection)} but is still reachable from the internet ` +
                        `(isPubliclyAccessible: ${isPublic === undefined ? "not set, so true" : String(isPublic)}): set networkConfiguration.ingressConfiguration.isPubliclyAccessible to false.`,
                },
            ];
        });
    },
};
