-- AlterTable
ALTER TABLE "complaint" ADD COLUMN     "media_url" TEXT;
