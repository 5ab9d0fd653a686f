import { TYPES, label } from "../resources";
import { ResourceRule, notApplicable } from "../types";

export const connectionDeleteBeforeReplace: ResourceRule = {
    id: "apprunner-connection-delete-before-replace",
    description: "A VPC ingress connection is replaced by deleting it first (deleteBeforeReplace).",
    explanation:
        "A service can have only one VPC ingress connection, so Pulumi's default create-then-delete replacement fails: the " +
        "new connection is refused while the old one exists. deleteBeforeReplace removes the old one first.",
    enforcementLevel: "mandatory",
    scope: "resource",
    check(r) {
        if (r.type !== TYPES.connection) return notApplicable("not an App Runner VPC ingress connection");
        if (r.deleteBeforeReplace === true) return [];
        return [
            {
                outcome: "non-compliant",
                urn: r.urn,
                message:
                    `${label(r)} would be replaced create-first, which AWS refuses for a service's one ` +
                    `connection: set the resource option deleteBeforeReplace: true.`,
            },
        ];
    },
};
