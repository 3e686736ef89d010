import { IsEnum, IsOptional, IsUUID, Length } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { HeaderMediaSource } from '../campaign-types';

@ObjectType({ description: 'A file uploaded for a campaign’s media header (`POST /api/campaigns/media`).' })
export class CampaignMediaFileView {
  @Field(() => ID) id!: string;
  @Field({ description: 'The name a document is shown to recipients with.' }) fileName!: string;
  @Field() mimeType!: string;
  @Field({ description: 'The header format it fills: IMAGE, VIDEO or DOCUMENT.' }) format!: string;
  @Field(() => Int) bytes!: number;
  @Field({ description: 'Hex SHA-256 of the content.' }) sha256!: string;
  @Field() createdAt!: Date;
}

@ObjectType({ description: 'The media of the template’s IMAGE, VIDEO or DOCUMENT header.' })
export class CampaignHeaderMediaView {
  @Field(() => HeaderMediaSource) source!: HeaderMediaSource;
  @Field(() => String, { nullable: true, description: 'LINK: the https URL Meta downloads.' }) link!: string | null;
  @Field(() => ID, { nullable: true, description: 'UPLOAD: the uploaded file.' }) fileId!: string | null;
  @Field(() => String, { nullable: true, description: 'A document’s name as recipients see it.' })
  fileName!: string | null;
  @Field(() => String, { nullable: true, description: 'UPLOAD: the file’s media type.' }) mimeType!: string | null;
}

@InputType({
  description: 'A media header’s file: an https link, or a file uploaded with `POST /api/campaigns/media`.',
})
export class CampaignHeaderMediaInput {
  @Field(() => HeaderMediaSource) @IsEnum(HeaderMediaSource) source!: HeaderMediaSource;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(1, 2000) link?: string | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all') fileId?: string | null;
  @Field(() => String, { nullable: true, description: 'LINK to a document: the name recipients see.' })
  @IsOptional()
  @Length(1, 200)
  fileName?: string | null;
}

@ArgsType()
export class CampaignMediaFileArgs {
  @Field(() => ID) @IsUUID('all') id!: string;
}
