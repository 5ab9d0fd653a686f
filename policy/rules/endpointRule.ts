// The shape every resource rule about App Runner interface endpoints shares: not applicable to other
// resources, could-not-check while the service name is unknown, else the rule's own test.
import { isAppRunnerEndpoint, label } from "../resources";
import { Finding, ResourceRule, ResourceView, isUnknown, notApplicable } from "../types";

export function endpointRule<Config = Record<string, never>>(
    rule: Omit<ResourceRule<Config>, "scope" | "check">,
    check: (endpoint: ResourceView, config: Config) => Finding[],
): ResourceRule<Config> {
    return {
        ...rule,
        scope: "resource",
        check(r, config) {
            const appRunner = isAppRunnerEndpoint(r);
            if (isUnknown(appRunner)) {
                return [
                    {
                        outcome: "could-not-check",
                        urn: r.urn,
                        message: `${label(r)}'s serviceName is not known yet, so whether it is an App Runner endpoint is not either.`,
                    },
                ];
            }
            return appRunner ? check(r, config) : notApplicable("not an apprunner.requests VPC endpoint");
        },
    };
}
