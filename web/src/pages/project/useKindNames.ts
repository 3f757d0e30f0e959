// The display name of a milestone kind: the default kinds in the user's language, custom kinds by the name
// their model gives them (the customer's model, else the company default), else the kind itself.
import { useTranslation } from 'react-i18next';
import { useLoad } from '../../api/hooks';
import { activeModel, namesOfKinds, type MilestoneModel } from '../../api/project';

/** The active model of the customer, else of the company (null when neither exists). */
export function useModels(customer: string | null, generation = 0) {
  return useLoad<{ own: MilestoneModel | null; company: MilestoneModel | null }>(`models:${customer ?? ''}:${generation}`, async () => {
    const [own, company] = await Promise.all([customer ? activeModel(customer) : Promise.resolve(null), activeModel(null)]);
    return { own, company };
  });
}

/** `generation`: change it to read the models again (after the editor saved one). */
export function useKindNames(customer: string | null, generation = 0): (kind: string) => string {
  const { t } = useTranslation();
  const models = useModels(customer, generation);
  const named = namesOfKinds(models.data?.own, models.data?.company);
  return (kind: string) => t(`milestoneKind.${kind}`, { defaultValue: named.get(kind) ?? kind });
}
