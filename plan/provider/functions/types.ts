// What a data source of the copy is: its schema, and how it answers an invoke.
import { Ctx } from "../context";
import { FunctionSchema } from "../schema";

export type Args = Record<string, any>;
export interface FunctionType {
    schema: FunctionSchema;
    invoke(ctx: Ctx, args: Args): Promise<Record<string, unknown>>;
}
