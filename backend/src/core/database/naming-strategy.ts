import { DefaultNamingStrategy, type NamingStrategyInterface, type Table } from 'typeorm';

function snake(s: string): string {
  return s
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z])([A-Z][a-z])/g, '$1_$2')
    .toLowerCase();
}

function tableName(t: Table | string): string {
  const name = typeof t === 'string' ? t : t.name;
  return name.includes('.') ? name.split('.').pop()! : name;
}

/**
 * snake_case columns and readable constraint names (pk_/fk_/uq_/idx_/chk_), so that the
 * reviewed SQL migrations read well and the entities-match-migrations test compares like with like.
 */
export class SnakeNamingStrategy extends DefaultNamingStrategy implements NamingStrategyInterface {
  override columnName(propertyName: string, customName: string | undefined, prefixes: string[]): string {
    return snake(prefixes.concat(customName ?? propertyName).join('_'));
  }

  override relationName(propertyName: string): string {
    return snake(propertyName);
  }

  override joinColumnName(relationName: string, referencedColumnName: string): string {
    return snake(`${relationName}_${referencedColumnName}`);
  }

  override joinTableColumnName(tableName: string, propertyName: string, columnName?: string): string {
    return snake(`${tableName}_${columnName ?? propertyName}`);
  }

  override primaryKeyName(t: Table | string): string {
    return `pk_${tableName(t)}`;
  }

  override uniqueConstraintName(t: Table | string, columnNames: string[]): string {
    return `uq_${tableName(t)}_${columnNames.join('_')}`;
  }

  override relationConstraintName(t: Table | string, columnNames: string[]): string {
    return `rel_${tableName(t)}_${columnNames.join('_')}`;
  }

  override foreignKeyName(t: Table | string, columnNames: string[]): string {
    return `fk_${tableName(t)}_${columnNames.join('_')}`;
  }

  override indexName(t: Table | string, columnNames: string[]): string {
    return `idx_${tableName(t)}_${columnNames.join('_')}`;
  }
}
