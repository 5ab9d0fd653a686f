// aws.cloudcontrol.getResource (internal/service/cloudcontrol/resource_data_source.go).
import { SdkError } from "../context";
import { io, out, str } from "../schema";
import { FunctionType } from "./types";

export const getResource: FunctionType = {
    schema: {
        token: "aws:cloudcontrol/getResource:getResource",
        inputs: {
            identifier: io(str, { required: true }),
            region: io(str),
            roleArn: io(str),
            typeName: io(str, { required: true }),
            typeVersionId: io(str),
        },
        outputs: { id: out(str), identifier: out(str), properties: out(str), region: out(str), typeName: out(str) },
    },
    async invoke(ctx, args) {
        try {
            const r = await ctx.call("cloudcontrol", "GetResource", { TypeName: args.typeName, Identifier: args.identifier });
            return {
                id: args.identifier,
                identifier: args.identifier,
                properties: r.ResourceDescription.Properties,
                region: ctx.region,
                typeName: args.typeName,
            };
        } catch (e) {
            // FindResource turns NotFound into "couldn't find resource" (internal/service/cloudcontrol/resource.go).
            const why = (e as SdkError).code === "ResourceNotFoundException" ? "couldn't find resource" : (e as Error).message;
            throw new SdkError(`reading Cloud Control API (${args.typeName}) Resource (${args.identifier}): ${why}`, (e as SdkError).code);
        }
    },
};
