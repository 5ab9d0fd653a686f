import { label, prop } from "../resources";
import { isUnknown } from "../types";
import { endpointRule } from "./endpointRule";

/** What AWS reports as the policy of an endpoint created without one: full access, i.e. no policy. */
function isFullAccess(policy: string): boolean {
    try {
        const statements = JSON.parse(policy).Statement;
        return (
            Array.isArray(statements) &&
            statements.length === 1 &&
            statements[0].Effect === "Allow" &&
            statements[0].Principal === "*" &&
            statements[0].Action === "*" &&
            statements[0].Resource === "*"
        );
    } catch {
        return false;
    }
}

export const endpointNoPolicy = endpointRule(
    {
        id: "apprunner-endpoint-no-policy",
        description: "An apprunner.requests VPC endpoint has no endpoint policy.",
        explanation:
            "VPC endpoint policies are not supported for App Runner: full access is allowed through the endpoint, and a " +
            "policy gives a false sense of control. Control traffic with the endpoint's security group instead " +
            '(App Runner guide, "Considerations").',
        enforcementLevel: "mandatory",
    },
    (endpoint) => {
        const policy = prop(endpoint, "policy");
        if (isUnknown(policy))
            return [{ outcome: "could-not-check", urn: endpoint.urn, message: `${label(endpoint)}'s policy is not known yet.` }];
        if (policy === undefined || policy === "" || (typeof policy === "string" && isFullAccess(policy))) return [];
        return [
            {
                outcome: "non-compliant",
                urn: endpoint.urn,
                message:
                    `${label(endpoint)} sets an endpoint policy, which App Runner does not support: remove it ` +
                    `and restrict access with the endpoint's security group.`,
            },
        ];
    },
);
