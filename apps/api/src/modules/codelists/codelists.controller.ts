import { Controller, Get, Header, Param } from '@nestjs/common';
import {
  ApiExtraModels,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiParam,
  ApiProperty,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import {
  APPLICATION_POLICY_MARKERS,
  COUNTRIES,
  CURRENCIES,
  POLICY_MARKER_NAMES,
  SDG_GOAL_NAMES,
  SDG_GOALS,
  SDG_TARGETS,
  SECTORS,
} from '@cofinanca/contracts';
import { AppException } from '../../common/app.exception';
import { Authorize } from '../../common/decorators';
import { ProblemResponse } from '../../common/problem.response';

class CodelistLocalizedName {
  @ApiProperty({ example: 'Igualtat de gènere' }) ca: string;
  @ApiProperty({ example: 'Igualdad de género' }) es: string;
  @ApiProperty({ example: 'Gender equality' }) en: string;
}

class CodelistCodeName {
  @ApiProperty({ example: 'SN', description: 'ISO 3166-1 alpha-2 or ISO 4217 code' }) code: string;
  @ApiProperty({ example: 'Senegal', description: 'Official English name' }) name: string;
}

class CodelistSector {
  @ApiProperty({ example: '15170', description: 'OECD DAC 5-digit purpose code' }) code: string;
  @ApiProperty({ description: 'Official English name' }) name: string;
  @ApiProperty({ example: '151', description: 'DAC 3-digit category' }) category: string;
}

class CodelistSdgGoal {
  @ApiProperty({ minimum: 1, maximum: 17, example: 5 }) code: number;
  @ApiProperty({ type: CodelistLocalizedName }) name: CodelistLocalizedName;
}

class CodelistSdgTarget {
  @ApiProperty({ example: '5.2' }) code: string;
  @ApiProperty({ minimum: 1, maximum: 17, example: 5 }) goal: number;
  @ApiProperty({ description: 'Official English text' }) name: string;
}

class CodelistPolicyMarker {
  @ApiProperty({ enum: [...APPLICATION_POLICY_MARKERS], description: 'IATI PolicyMarker code' }) code: string;
  @ApiProperty({ type: CodelistLocalizedName }) name: CodelistLocalizedName;
}

type CodelistItem =
  CodelistCodeName | CodelistSector | CodelistSdgGoal | CodelistSdgTarget | CodelistPolicyMarker;

/** Built once: the lists are fixed for the life of the process. */
const LISTS = new Map<string, readonly CodelistItem[]>([
  ['sectors', SECTORS],
  ['sdg-goals', SDG_GOALS.map((g) => ({ code: g.code, name: SDG_GOAL_NAMES[g.code] }))],
  ['sdg-targets', SDG_TARGETS],
  ['policy-markers', APPLICATION_POLICY_MARKERS.map((code) => ({ code, name: POLICY_MARKER_NAMES[code] }))],
  ['countries', COUNTRIES],
  ['currencies', CURRENCIES],
]);
const LIST_NAMES = [...LISTS.keys()];

@ApiTags('codelists')
@ApiExtraModels(CodelistSector, CodelistSdgGoal, CodelistSdgTarget, CodelistPolicyMarker, CodelistCodeName)
@Controller('v1/codelists')
export class CodelistsController {
  @Get(':list')
  @Authorize('authenticated', 'An official classification (IATI codelists; withdrawn codes left out)')
  @ApiParam({ name: 'list', enum: LIST_NAMES })
  @Header('Cache-Control', 'private, max-age=3600')
  @ApiOkResponse({
    description:
      'sectors: DAC 5-digit codes · sdg-goals: the 17 goals, short titles in ca/es/en · sdg-targets: the 169 ' +
      'targets · policy-markers: the DAC markers an application declares, in ca/es/en · countries: ISO 3166-1 ' +
      'alpha-2 · currencies: ISO 4217. Sector, target, country and currency names are the official English ones.',
    schema: {
      type: 'array',
      // anyOf, not oneOf: the shapes overlap (every item has a code and a name); which one depends on the list.
      items: {
        anyOf: [
          CodelistSector,
          CodelistSdgGoal,
          CodelistSdgTarget,
          CodelistPolicyMarker,
          CodelistCodeName,
        ].map((model) => ({ $ref: getSchemaPath(model) })),
      },
    },
  })
  @ApiNotFoundResponse({ description: 'NOT_FOUND: no such list', type: ProblemResponse })
  list(@Param('list') list: string): readonly CodelistItem[] {
    const items = LISTS.get(list);
    if (!items) throw AppException.notFound('codelist');
    return items;
  }
}
