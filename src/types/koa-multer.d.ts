/** @koa/multer ships no types: multer's own, with each handler as Koa middleware (files on ctx.request.files). */
declare module "@koa/multer" {
  import type { Middleware } from "koa";
  import type { Options, StorageEngine } from "multer";

  interface KoaMulter {
    array(field: string, maxCount?: number): Middleware;
    single(field: string): Middleware;
    none(): Middleware;
    any(): Middleware;
  }
  interface KoaMulterFactory {
    (options?: Options): KoaMulter;
    memoryStorage(): StorageEngine;
    diskStorage: typeof import("multer").diskStorage;
  }
  const multer: KoaMulterFactory;
  export default multer;
}
