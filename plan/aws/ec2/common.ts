// What the EC2 handlers share: lookups by id (with EC2's not-found and malformed-id errors), Describe filters, tag rules,
// and the regions and zones the model gives EC2. The handlers are one file per family beside this one (./index.ts lists
// them). Sources, cited per rule: the EC2 API reference (request/response shapes; "Error codes for the Amazon EC2 API"),
// the PrivateLink and VPC user guides, and public issues quoting real responses. Texts no public source shows are marked
// "unverified".
import { Account, SecurityGroup, Subnet, Tag, Vpc, VpcEndpoint } from "../account";
import { AwsError, fail } from "../errors";

export type Params = Record<string, any>;
export type Ec2Handler = (account: Account, region: string, params: Params) => Record<string, any>;

/** The Availability Zones this model gives every region (real regions have three to six). */
export const ZONE_LETTERS = ["a", "b", "c"];

/** Interface endpoint services the model knows: App Runner's, in App Runner's 11 regions (AWS General Reference). */
export const APP_RUNNER_REGIONS = [
    "us-east-1",
    "us-east-2",
    "us-west-2",
    "ap-south-1",
    "ap-southeast-1",
    "ap-southeast-2",
    "ap-northeast-1",
    "eu-central-1",
    "eu-west-1",
    "eu-west-2",
    "eu-west-3",
];
/**
 * The endpoint services the model offers in a region: App Runner's two (App Runner guide, "Using App
 * Runner with VPC endpoints"): `apprunner.requests`, the data plane private services are reached through, and
 * `apprunner`, the App Runner API's own; both Interface only. AWS's many other services are not modelled.
 */
/**
 * The Availability Zones an endpoint service is offered in (DescribeVpcEndpointServices' AvailabilityZones): every zone
 * of its region (the model's a to c) unless the account's topology narrows it. Which zones App Runner's services are
 * really offered in is not documented (unverified); AWS offers interface endpoint services in a subset of a region's
 * zones (PrivateLink guide, "Availability Zones").
 */
export function serviceZones(
    account: { state: { endpointServiceZones?: Record<string, string[]> } },
    region: string,
    name: string,
): string[] {
    return account.state.endpointServiceZones?.[name] ?? ["a", "b", "c"].map((l) => `${region}${l}`);
}

export const endpointServices = (region: string) =>
    APP_RUNNER_REGIONS.includes(region) ? [`com.amazonaws.${region}.apprunner.requests`, `com.amazonaws.${region}.apprunner`] : [];

// --- lookups and filters ---------------------------------------------------------------------------------------

/** Copies an object as the API answers it: without the model's own bookkeeping. */
export function answer<T extends object>(o: T): T {
    const { Region: _r, Pending: _p, ...rest } = o as Record<string, unknown>;
    return JSON.parse(JSON.stringify(rest));
}

export const tagValues = (tags: Tag[], key: string) => tags.filter((t) => t.Key === key).map((t) => t.Value);
const glob = (pattern: string) =>
    new RegExp(
        `^${pattern
            .replace(/[.+^${}()|[\]\\]/g, "\\$&")
            .replace(/\*/g, ".*")
            .replace(/\?/g, ".")}$`,
    );

/** `Filters` of a Describe call: every filter must match, any of its values (with `*` and `?` wildcards). */
export function matches<T extends { Tags: Tag[] }>(
    o: T,
    filters: { Name: string; Values: string[] }[] | undefined,
    fields: Record<string, (o: T) => unknown>,
): boolean {
    return (filters ?? []).every((f) => {
        const values = f.Name.startsWith("tag:")
            ? tagValues(o.Tags, f.Name.slice(4))
            : f.Name === "tag-key"
              ? o.Tags.map((t) => t.Key)
              : fields[f.Name]
                ? [fields[f.Name](o)].flat().map(String)
                : fail("InvalidParameterValue", `The filter '${f.Name}' is invalid`);
        return f.Values.some((v) => values.some((x) => glob(v).test(x)));
    });
}

export function describe<T extends { Region: string; Tags: Tag[] }>(
    all: T[],
    region: string,
    ids: string[] | undefined,
    idOf: (o: T) => string,
    prefix: keyof typeof MALFORMED,
    notFound: (id: string) => AwsError,
    filters: Params["Filters"],
    fields: Record<string, (o: T) => unknown>,
): T[] {
    const inRegion = all.filter((o) => o.Region === region);
    for (const id of ids ?? []) wellFormed(prefix, id);
    if (ids?.length) {
        // Every id asked for must exist (EC2 answers the first missing one as <Kind>.NotFound).
        for (const id of ids) if (!inRegion.some((o) => idOf(o) === id)) throw notFound(id);
    }
    return inRegion.filter((o) => (!ids?.length || ids.includes(idOf(o))) && matches(o, filters, fields)).map(answer);
}

// "The vpc ID 'vpc-…' does not exist" (InvalidVpcID.NotFound; real texts quoted in public issues for several actions).
export const vpcNotFound = (id: string) => new AwsError("InvalidVpcID.NotFound", `The vpc ID '${id}' does not exist`);
export const subnetNotFound = (id: string) => new AwsError("InvalidSubnetID.NotFound", `The subnet ID '${id}' does not exist`);
export const groupNotFound = (id: string) => new AwsError("InvalidGroup.NotFound", `The security group '${id}' does not exist`);
// The message text for a missing endpoint is unverified; the code is the EC2 error-codes page's.
export const endpointNotFound = (id: string) => new AwsError("InvalidVpcEndpointId.NotFound", `The VpcEndpoint Id '${id}' does not exist`);

/**
 * An id EC2 cannot even parse: "the Id may only contain lowercase alphanumeric characters and a single dash" after its
 * prefix (real text for subnets: terraform-aws-modules/terraform-aws-vpc#722; the others follow the same form, unverified).
 */
export const MALFORMED: Record<string, [string, string]> = {
    vpc: ["InvalidVpcID.Malformed", "Vpc"],
    subnet: ["InvalidSubnetId.Malformed", "Subnet"],
    sg: ["InvalidGroupId.Malformed", "Security Group"],
    vpce: ["InvalidVpcEndpointId.Malformed", "VpcEndpoint"],
    eni: ["InvalidNetworkInterfaceID.Malformed", "NetworkInterface"],
};
export function wellFormed(prefix: keyof typeof MALFORMED, id: unknown): void {
    if (typeof id === "string" && new RegExp(`^${prefix}-[a-z0-9]+$`).test(id)) return;
    const [code, what] = MALFORMED[prefix];
    fail(
        code,
        `Invalid ${what} Id: '${id}' (expecting '${prefix}-...; the Id may only contain lowercase ` +
            `alphanumeric characters and a single dash')`,
    );
}
export const orThrow = <T>(found: T | undefined, error: AwsError): T => {
    if (found === undefined) throw error;
    return found;
};
export function vpcOf(account: Account, region: string, id: unknown): Vpc {
    wellFormed("vpc", id);
    return orThrow(
        account.state.vpcs.find((v) => v.VpcId === id && v.Region === region),
        vpcNotFound(String(id)),
    );
}
export function subnetOf(account: Account, region: string, id: string): Subnet {
    wellFormed("subnet", id);
    return orThrow(
        account.state.subnets.find((s) => s.SubnetId === id && s.Region === region),
        subnetNotFound(id),
    );
}
export function groupOf(account: Account, region: string, id: string): SecurityGroup {
    wellFormed("sg", id);
    return orThrow(
        account.state.securityGroups.find((g) => g.GroupId === id && g.Region === region),
        groupNotFound(id),
    );
}
export function endpointOf(account: Account, region: string, id: string): VpcEndpoint {
    wellFormed("vpce", id);
    return orThrow(
        account.state.vpcEndpoints.find((e) => e.VpcEndpointId === id && e.Region === region),
        endpointNotFound(id),
    );
}

export function tagsOf(specs: Params["TagSpecifications"], resourceType: string): Tag[] {
    const tags: Tag[] = (specs ?? []).filter((s: Params) => s.ResourceType === resourceType).flatMap((s: Params) => s.Tags ?? []);
    checkTags(tags, []);
    return tags;
}

/**
 * EC2 tag rules (EC2 User Guide, "Tag restrictions"; CreateTags): at most 50 tags a resource, keys not empty and not
 * starting with `aws:` in any case ("Don't use aws:, AWS:, or any upper or lowercase combination of such as a prefix"),
 * a value not null. Lengths are in Unicode characters (code points). Keys: at most 127, as the EC2 API reference's Tag
 * says ("accept a maximum of 127 Unicode characters"); the User Guide says 128, and which AWS enforces is unverified, so
 * the model takes the API reference's. Values: at most 256.
 */
export function checkTags(adding: Tag[], existing: Tag[]): void {
    for (const t of adding) {
        if (typeof t.Key !== "string" || t.Key.length === 0 || /^aws:/i.test(t.Key)) {
            fail(
                "InvalidParameterValue",
                `Value ( ${t.Key} ) for parameter key is invalid. Tag keys cannot be empty or null, and cannot start with aws:`,
            );
        }
        if ([...t.Key].length > 127)
            fail(
                "InvalidParameterValue",
                `Value ( ${t.Key} ) for parameter key is invalid. Tag keys can have a maximum character length of 127`,
            );
        // moto's text; AWS's is unverified.
        if (t.Value === null || t.Value === undefined) fail("InvalidParameterValue", "Tag value cannot be null. Use empty string instead.");
        if ([...String(t.Value)].length > 256)
            fail(
                "InvalidParameterValue",
                `Value ( ${t.Value} ) for parameter value is invalid. Tag values can have a maximum character length of 256`,
            );
    }
    const keys = new Set([...existing.map((t) => t.Key), ...adding.map((t) => t.Key)]);
    // The error code is the EC2 error-codes page's (TagLimitExceeded); the text is unverified.
    if (keys.size > 50)
        fail("TagLimitExceeded", "The maximum number of tags for a resource has been reached. A resource can have at most 50 tags.");
}
