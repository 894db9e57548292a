export interface ServerSecretsTable {
  name: string;
  value: string;
  created_at: string;
}
