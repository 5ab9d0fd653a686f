// The provider's own data sources: the region, the caller's identity, the Availability Zones
// (internal/service/meta, internal/service/sts, internal/service/ec2).
import { bool, io, list, out, str } from "../schema";
import { filterType } from "./ec2";
import { Args, FunctionType } from "./types";

export const REGION_NAMES: Record<string, string> = {
    "us-east-1": "US East (N. Virginia)",
    "us-east-2": "US East (Ohio)",
    "us-west-2": "US West (Oregon)",
    "eu-west-1": "Europe (Ireland)",
    "eu-central-1": "Europe (Frankfurt)",
};

export const getRegion: FunctionType = {
    schema: {
        token: "aws:index/getRegion:getRegion",
        inputs: { endpoint: io(str), id: io(str), name: io(str), region: io(str) },
        outputs: { description: out(str), endpoint: out(str), id: out(str), name: out(str), region: out(str) },
    },
    async invoke(ctx) {
        return {
            id: ctx.region,
            name: ctx.region,
            region: ctx.region,
            endpoint: `ec2.${ctx.region}.amazonaws.com`,
            description: REGION_NAMES[ctx.region] ?? ctx.region,
        };
    },
};

export const getCallerIdentity: FunctionType = {
    schema: {
        token: "aws:index/getCallerIdentity:getCallerIdentity",
        inputs: { id: io(str) },
        outputs: { accountId: out(str), arn: out(str), id: out(str), userId: out(str) },
    },
    async invoke(ctx) {
        const r = await ctx.call("sts", "GetCallerIdentity", {});
        return { id: r.Account, accountId: r.Account, arn: r.Arn, userId: r.UserId };
    },
};

export const getAvailabilityZones: FunctionType = {
    schema: {
        token: "aws:index/getAvailabilityZones:getAvailabilityZones",
        inputs: {
            allAvailabilityZones: io(bool),
            excludeNames: io(list(str)),
            excludeZoneIds: io(list(str)),
            filters: io(filterType("GetAvailabilityZonesFilter")),
            region: io(str),
            state: io(str),
        },
        outputs: { groupNames: out(list(str)), id: out(str), names: out(list(str)), region: out(str), zoneIds: out(list(str)) },
    },
    async invoke(ctx, args) {
        const zones = (await ctx.call("ec2", "DescribeAvailabilityZones", {})).AvailabilityZones.filter(
            (z: Args) => !(args.excludeNames ?? []).includes(z.ZoneName) && !(args.excludeZoneIds ?? []).includes(z.ZoneId),
        );
        return {
            id: ctx.region,
            region: ctx.region,
            names: zones.map((z: Args) => z.ZoneName),
            zoneIds: zones.map((z: Args) => z.ZoneId),
            groupNames: [...new Set(zones.map((z: Args) => z.GroupName))],
        };
    },
};
