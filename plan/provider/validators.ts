// The Terraform AWS provider's validators that Check runs, with the texts the Terraform plugin SDK and the provider's
// `verify` package give (terraform-plugin-sdk/v2 helper/validation; terraform-provider-aws internal/verify). The
// bridge appends ". Examine values at '<name>.<path>'." (pulumi-terraform-bridge check_failures.go).
import { parseCidr } from "../aws/cidr";
import { Validator } from "./schema";

/** Go's %q of a list of strings: ["a" "b"]. */
const goList = (values: readonly string[]) => `[${values.map((v) => JSON.stringify(v)).join(" ")}]`;

export const oneOf =
    (values: readonly string[]): Validator =>
    (v, name) =>
        typeof v === "string" && values.includes(v) ? undefined : `expected ${name} to be one of ${goList(values)}, got ${v}`;

export const lengthBetween =
    (min: number, max: number): Validator =>
    (v, name) =>
        typeof v === "string" && v.length >= min && v.length <= max
            ? undefined
            : `expected length of ${name} to be in the range (${min} - ${max}), got ${v}`;

export const doesNotMatch =
    (re: RegExp, message: string): Validator =>
    (v, name) =>
        typeof v === "string" && re.test(v) ? `invalid value for ${name} (${message})` : undefined;

export const all =
    (...validators: Validator[]): Validator =>
    (v, name) =>
        validators.map((f) => f(v, name)).find((m) => m !== undefined);

/** `verify.ValidARN`: Go's arn.Parse, then the partition, region, account and resource. */
export const arn: Validator = (v, name) => {
    const bad = (why: string) => `"${name}" (${v}) is an invalid ARN: ${why}`;
    if (typeof v !== "string" || !v.startsWith("arn:")) return bad("arn: invalid prefix");
    const parts = v.split(":");
    if (parts.length < 6) return bad("arn: not enough sections");
    const [, partition, , region, account] = parts;
    if (!partition) return bad("missing partition value");
    if (region && !/^[a-z]{2}(-[a-z]+)+-\d$/.test(region))
        return bad("invalid region value (expecting to match regular expression: ^[a-z]{2}(-[a-z]+)+-\\d$)");
    if (account && !/^(aws|aws-managed|third-party|aws-marketplace|\d{12}|cw.{10})$/.test(account)) {
        return bad(
            "invalid account ID value (expecting to match regular expression: " +
                "^(aws|aws-managed|third-party|aws-marketplace|\\d{12}|cw.{10})$)",
        );
    }
    if (!parts.slice(5).join(":")) return bad("missing resource value");
    return undefined;
};

/** `verify.ValidIPv4CIDRNetworkAddress` / `ValidIPv6CIDRNetworkAddress`. */
export const cidrNetwork =
    (version: 4 | 6): Validator =>
    (v) => {
        const c = parseCidr(v);
        if (!c) return `"${v}" is not a valid CIDR block: invalid CIDR address: ${v}`;
        if (c.version !== version) return `"${v}" is not a valid IPv${version} CIDR block`;
        return c.network === v ? undefined : `"${v}" is not a valid IPv${version} CIDR block; did you mean "${c.network}"?`;
    };

/** `validation.IsCIDRNetwork(min, max)`. */
export const cidrNetworkBits =
    (min: number, max: number): Validator =>
    (v, name) => {
        const c = parseCidr(v);
        if (!c) return `expected ${name} to contain a valid Value, got: ${v} with err: invalid CIDR address: ${v}`;
        if (c.network !== v) return `expected ${name} to contain a valid network Value, expected ${c.network}, got ${v}`;
        if (c.prefix < min || c.prefix > max)
            return `expected ${name} to contain a network Value with between ${min} and ${max} significant bits, got: ${c.prefix}`;
        return undefined;
    };

export const intBetween =
    (min: number, max: number): Validator =>
    (v, name) =>
        typeof v === "number" && Number.isInteger(v) && v >= min && v <= max
            ? undefined
            : `expected ${name} to be in the range (${min} - ${max}), got ${v}`;
