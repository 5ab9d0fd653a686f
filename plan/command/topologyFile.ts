// A --topology file, checked before the model reads it.
import { parseServiceArn } from "@apprunner-private/apprunner-private/aws";
import { Topology } from "../aws";
import { PlanError } from "./project";

/** The fields each kind of `--topology` entry must have (strings, or lists of strings: `[]`). */
const TOPOLOGY_FIELDS: Record<string, Record<string, "string" | "string[]">> = {
    vpcs: { id: "string", cidrBlocks: "string[]" },
    subnets: { id: "string", vpcId: "string", availabilityZone: "string", cidrBlock: "string" },
    securityGroups: { id: "string", vpcId: "string" },
    endpoints: { id: "string", vpcId: "string" },
    endpointServices: { name: "string", availabilityZones: "string[]" },
    networkInterfaces: { subnetId: "string", securityGroupIds: "string[]" },
};

/** A --topology file's shape, checked before the model reads it, so that a mistake is named rather than a crash. */
export function checkTopology(t: unknown): Topology {
    const wrong = (where: string, what: string, got: unknown) =>
        new PlanError(`--topology: ${where} must be ${what}, got: ${JSON.stringify(got)}`);
    if (!t || typeof t !== "object" || Array.isArray(t)) throw wrong("the file", "a JSON object", t);
    for (const [kind, list] of Object.entries(t)) {
        if (!(kind in TOPOLOGY_FIELDS) && kind !== "services")
            throw new PlanError(
                `--topology: unknown key \`${kind}\`; the keys are vpcs, subnets, securityGroups, services, ` +
                    `endpoints, endpointServices, networkInterfaces`,
            );
        if (!Array.isArray(list)) throw wrong(kind, "a list", list);
        list.forEach((item, i) => {
            if (kind === "services") {
                if (typeof item !== "string" || !parseServiceArn(item)) throw wrong(`services[${i}]`, "an App Runner service ARN", item);
                return;
            }
            for (const [field, type] of Object.entries(TOPOLOGY_FIELDS[kind])) {
                const v = item?.[field];
                const ok = type === "string" ? typeof v === "string" : Array.isArray(v) && v.every((x) => typeof x === "string");
                if (!ok) throw wrong(`${kind}[${i}].${field}`, type === "string" ? "a string" : "a list of strings", v);
            }
            if (kind === "vpcs" && item.default !== undefined && typeof item.default !== "boolean")
                throw wrong(`vpcs[${i}].default`, "true or false", item.default);
        });
    }
    return t as Topology;
}
