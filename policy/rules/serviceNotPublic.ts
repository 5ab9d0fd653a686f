import { TYPES, label, linked, ofType, perConnection, prop } from "../resources";
import { Finding, StackRule, isUnknown } from "../types";

/** A service behind a VPC ingress connection must not also be public. */
export const serviceNotPublic: StackRule = {
    id: "apprunner-service-not-public",
    description: "An App Runner service with a VPC ingress connection sets isPubliclyAccessible to false.",
    explanation:
        "AWS's procedure for a private service sets networkConfiguration.ingressConfiguration.isPubliclyAccessible to " +
        "false (the default is true) before connecting it; what AWS does with a connection to a service left public is " +
        "not documented, so the rule holds stacks to the procedure. AWS CDK documents the requirement and never checks it " +
        "(ServiceProps.isPubliclyAccessible).",
    enforcementLevel: "mandatory",
    scope: "stack",
    check(resources) {
        const services = ofType(resources, TYPES.service);
        return perConnection(resources, (connection): Finding[] => {
            const service = linked(connection, ["serviceArn"], services, "arn");
            if (isUnknown(service)) {
                return [
                    {
                        outcome: "could-not-check",
                        urn: connection.urn,
                        message: `could not tell which service ${label(connection)} connects: its serviceArn is not known yet.`,
                    },
                ];
            }
            if (service === undefined) {
                return [
                    {
                        outcome: "could-not-check",
                        urn: connection.urn,
                        message:
                            `${label(connection)} connects a service outside this stack ` +
                            `(${String(prop(connection, "serviceArn"))}); check that stack.`,
                    },
                ];
            }
            const isPublic = prop(service, "networkConfiguration", "ingressConfiguration", "isPubliclyAccessible");
            if (isUnknown(isPublic)) {
                return [
                    { outcome: "could-not-check", urn: service.urn, message: `${label(service)}'s isPubliclyAccessible is not known yet.` },
                ];
            }
            if (isPublic === false) return [];
            return [
                {
                    outcome: "non-compliant",
                    urn: service.urn,
                    message:
                        `${label(service)} is connected privately by ${label(connection)} but is not private ` +
                        `(isPubliclyAccessible: ${isPublic === undefined ? "not set, so true" : String(isPublic)}): ` +
                        `set networkConfiguration.ingressConfiguration.isPubliclyAccessible to false, as AWS's ` +
                        `procedure for a private service does.`,
                },
            ];
        });
    },
};
